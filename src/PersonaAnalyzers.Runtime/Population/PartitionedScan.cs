using System;
using System.Threading;

namespace PersonaAnalyzers;

/// <summary>Runs a scan's partitions on the calling thread plus up to <c>degree − 1</c> thread-pool helpers, where the
/// caller never waits for a helper that has not started.</summary>
/// <remarks>
/// The scan runs under the index's read lock. With <c>Parallel.For</c>, the caller waits for every replica it queued;
/// if the pool's threads are all blocked on that same lock (readers queued behind a pending writer, the writer waiting
/// for this reader), the queued replica never starts and the search never returns — a stress test reproduced exactly
/// that. Here partitions are claimed with an interlocked counter: the caller claims whatever the helpers have not, so
/// progress needs no pool thread, and it only waits for partitions a running helper has already claimed, which finish
/// without taking any lock. A helper that starts after every partition is claimed does nothing.
/// </remarks>
internal sealed class PartitionedScan
{
    private readonly Action<int> _scanPartition;
    private readonly int _partitions;
    private readonly ManualResetEventSlim _allDone = new(false);
    private int _next = -1;
    private int _remaining;
    private Exception? _failure;

    private PartitionedScan(Action<int> scanPartition, int partitions)
    {
        _scanPartition = scanPartition;
        _partitions = partitions;
        _remaining = partitions;
    }

    public static void Run(int partitions, int degree, Action<int> scanPartition)
    {
        var scan = new PartitionedScan(scanPartition, partitions);
        for (var helper = 1; helper < degree; helper++)
            ThreadPool.QueueUserWorkItem(static state => ((PartitionedScan)state!).Work(), scan);
        scan.Work();
        scan._allDone.Wait();
        scan._allDone.Dispose();
        if (scan._failure is { } failure)
            throw new InvalidOperationException("A partition of the population scan failed; see the inner exception.", failure);
    }

    private void Work()
    {
        int partition;
        while ((partition = Interlocked.Increment(ref _next)) < _partitions)
        {
            try
            {
                _scanPartition(partition);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
            if (Interlocked.Decrement(ref _remaining) == 0) _allDone.Set();
        }
    }
}
