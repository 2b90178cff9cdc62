namespace ApimAiGateway.Delivery.Live;

/// <summary>Every policy and fragment of an instance, and what was left out because its id cannot be a file name.</summary>
public sealed record LiveInstance(IReadOnlyList<LiveDocument> Documents, IReadOnlyList<string> Skipped);
