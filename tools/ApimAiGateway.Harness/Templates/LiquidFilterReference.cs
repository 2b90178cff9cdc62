namespace ApimAiGateway.Harness.Templates;

/// <summary>A filter applied in the template, with the offset of its name in the template text.</summary>
internal readonly record struct LiquidFilterReference(string Name, int Offset);
