namespace ApimAiGateway.Harness.Execution;

/// <summary>The gateway's backend entities by id, for set-backend-service backend-id.</summary>
public sealed class BackendDirectory
{
    private readonly Dictionary<string, Uri> _urls = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string id, Uri url) => _urls[id] = url;

    public Uri? Resolve(string id) => _urls.GetValueOrDefault(id);
}
