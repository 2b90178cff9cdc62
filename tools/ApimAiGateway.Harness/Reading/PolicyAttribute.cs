using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>An attribute of a policy element; <see cref="Location"/> is the start of its name.</summary>
public sealed record PolicyAttribute(string Name, SourceLocation Location, PolicyValue Value);
