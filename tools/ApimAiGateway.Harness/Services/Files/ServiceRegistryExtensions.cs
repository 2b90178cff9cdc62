namespace ApimAiGateway.Harness.Services.Files;

public static class ServiceRegistryExtensions
{
    /// <summary>Maps every service of the file, each with a fresh handler; later mappings may override them.</summary>
    public static ServiceRegistry Map(this ServiceRegistry registry, ServicesFile file)
    {
        foreach (var service in file.Services)
        {
            registry.Map(service.Route, service.CreateHandler());
        }

        return registry;
    }
}
