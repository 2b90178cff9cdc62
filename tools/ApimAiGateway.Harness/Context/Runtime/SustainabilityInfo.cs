namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record SustainabilityInfo : ISustainabilityInfo
{
    public CarbonIntensityCategory CurrentCarbonIntensity { get; init; } = CarbonIntensityCategory.NotAvailable;
}
