using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Delivery.Publishing;

/// <summary>What publish did, resource by resource, and why it stopped when it did.</summary>
public sealed record PublishReport(PublishStatus Status)
{
    public IReadOnlyList<ResourceChange> Changes { get; init; } = [];

    /// <summary>Lint and load findings when the repository is invalid.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Why publish stopped or refused, one line each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Succeeded => Status is PublishStatus.Published or PublishStatus.WhatIf;
}
