using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Composition;

/// <summary>A policy document attached at one scope.</summary>
public sealed record ScopedPolicyDocument(PolicyScopes Scope, PolicyDocument Document);
