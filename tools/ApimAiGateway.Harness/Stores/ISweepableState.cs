namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// Per-key counter state that can tell when it no longer counts anything. Every member is called with the state's
/// lock held (see <see cref="KeyedStateTable{TKey, TState}"/>).
/// </summary>
internal interface ISweepableState
{
    /// <summary>Set once the state has left its table; a caller that still holds it must fetch a fresh one.</summary>
    bool IsRetired { get; }

    /// <summary>Retires the state when it holds nothing that still counts at <paramref name="nowTicks"/>.</summary>
    bool TryRetire(long nowTicks);
}
