namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>The trace policy's severities, least to most severe (apim-reference §4.16).</summary>
public enum TraceSeverity
{
    Verbose,
    Information,
    Error,
}
