namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Deployment.SustainabilityInfo</c>.</summary>
public interface ISustainabilityInfo
{
    CarbonIntensityCategory CurrentCarbonIntensity { get; }
}
