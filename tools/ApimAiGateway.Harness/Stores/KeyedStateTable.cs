using System.Collections.Concurrent;

namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// Counter state per key with one lock per key, so requests on different keys never contend, and a periodic sweep
/// that drops keys whose state has run out (a gateway keyed by caller IP would otherwise grow without bound).
/// A state is retired under its lock before it leaves the dictionary; an operation that finds its state retired
/// fetches the fresh one instead, so no increment is ever made on a state that is no longer reachable.
/// Operations are static delegates over a struct argument, which keeps the hot path free of allocations.
/// </summary>
internal sealed class KeyedStateTable<TKey, TState>(Func<TKey, TState> create, TimeSpan sweepInterval)
    where TKey : notnull
    where TState : class, ISweepableState
{
    private readonly ConcurrentDictionary<TKey, TState> _states = new();
    private readonly SweepSchedule _sweep = new(sweepInterval);

    public int Count => _states.Count;

    public TResult Update<TArg, TResult>(TKey key, long nowTicks, TArg arg, Func<TState, long, TArg, TResult> operation)
    {
        SweepIfDue(nowTicks);
        while (true)
        {
            var state = _states.GetOrAdd(key, create);
            lock (state)
            {
                if (!state.IsRetired)
                {
                    return operation(state, nowTicks, arg);
                }
            }
        }
    }

    /// <summary>Reads without creating state for an unknown key; <paramref name="absent"/> is what an empty state reads as.</summary>
    public TResult Read<TArg, TResult>(TKey key, long nowTicks, TArg arg, Func<TState, long, TArg, TResult> operation, TResult absent)
    {
        if (!_states.TryGetValue(key, out var state))
        {
            return absent;
        }

        lock (state)
        {
            return state.IsRetired ? absent : operation(state, nowTicks, arg);
        }
    }

    private void SweepIfDue(long nowTicks)
    {
        if (!_sweep.TryClaim(nowTicks))
        {
            return;
        }

        foreach (var pair in _states)
        {
            bool retired;
            lock (pair.Value)
            {
                retired = pair.Value.TryRetire(nowTicks);
            }

            if (retired)
            {
                _states.TryRemove(pair);
            }
        }
    }
}
