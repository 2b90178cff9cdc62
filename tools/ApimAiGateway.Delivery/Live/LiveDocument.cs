using ApimAiGateway.Delivery.Resources;

namespace ApimAiGateway.Delivery.Live;

/// <summary>A policy or fragment as the live instance holds it, in raw XML.</summary>
public sealed record LiveDocument(ResourceAddress Address, string Text);
