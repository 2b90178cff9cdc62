namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>The deployment a request reached: its name, its model, and the region it runs in.</summary>
internal sealed record DeploymentTarget(string Deployment, string Model, string Region);
