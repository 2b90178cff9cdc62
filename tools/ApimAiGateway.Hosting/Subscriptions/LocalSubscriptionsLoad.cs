using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Hosting.Subscriptions;

/// <summary>The subscriptions read (or created) and the located problems of the file.</summary>
public sealed record LocalSubscriptionsLoad(IReadOnlyList<LocalSubscription> Subscriptions, IReadOnlyList<Diagnostic> Diagnostics, bool Created);
