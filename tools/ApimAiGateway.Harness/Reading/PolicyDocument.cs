namespace ApimAiGateway.Harness.Reading;

/// <summary>A policy definition or fragment as read from one file.</summary>
public sealed record PolicyDocument(string File, PolicyDocumentKind Kind, PolicyElement Root);
