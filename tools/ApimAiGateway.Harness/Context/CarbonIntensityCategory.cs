namespace ApimAiGateway.Harness.Context;

/// <summary>
/// Carbon intensity of the region's grid. The docs name the enum without listing its values; these members
/// follow Microsoft's policy toolkit (Authoring/Expressions/ISustainabilityInfo.cs).
/// </summary>
public enum CarbonIntensityCategory
{
    NotAvailable,
    VeryLow,
    Low,
    Medium,
    High,
    VeryHigh,
}
