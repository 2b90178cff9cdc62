namespace ApimAiGateway.Hosting;

/// <summary>How <c>apim-policy serve</c> runs a repository's policies as an HTTP gateway on the loopback interface.</summary>
public sealed record GatewayHostOptions
{
    /// <summary>The port <c>apim-policy serve</c> listens on unless told otherwise.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The subscriptions file, relative to the repository root, that is created on first run (git-ignored).</summary>
    public const string DefaultSubscriptionsFile = "subscriptions.local.json";

    /// <summary>The repository whose policies, APIs, products and backends are served.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The environment whose named values (policies/environments/NAME.json) are laid over the catalog; null for the catalog alone.</summary>
    public string? Environment { get; init; }

    /// <summary>The gateway's port on 127.0.0.1; 0 lets the system pick a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Subscription keys per product (created with random keys when absent); null means the repository's default file.</summary>
    public string? SubscriptionsFile { get; init; }

    /// <summary>
    /// Regions served by a real Azure OpenAI endpoint instead of a simulated one, by the region code the backends name
    /// (<c>${account:eastus}</c> → <c>eastus</c>).
    /// </summary>
    public IReadOnlyDictionary<string, Uri> Endpoints { get; init; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The deployments every simulated region serves: deployment name → model name (the model picks the tokenizer).</summary>
    public IReadOnlyDictionary<string, string> Deployments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gpt-4o"] = "gpt-4o",
        ["gpt-4o-mini"] = "gpt-4o-mini",
        ["gpt-4.1"] = "gpt-4.1",
        ["text-embedding-3-small"] = "text-embedding-3-small",
        ["text-embedding-3-large"] = "text-embedding-3-large",
    };

    /// <summary>Each simulated region's tokens-per-minute capacity; past it the region answers 429 with Retry-After.</summary>
    public int TokensPerMinute { get; init; } = 100_000;

    /// <summary>Where compiled policy expressions are kept between runs; null compiles afresh.</summary>
    public string? CompilationCacheDirectory { get; init; }

    public string SubscriptionsPath => Path.GetFullPath(SubscriptionsFile ?? Path.Combine(RepositoryRoot, DefaultSubscriptionsFile));

    /// <summary>Where the local callers' access tokens are written: beside the subscriptions file.</summary>
    public string CallerTokensPath => Path.Combine(Path.GetDirectoryName(SubscriptionsPath)!, Identity.LocalCallerTokens.FileName);

    /// <summary>The problems that stop the host before it reads anything, one clear sentence each.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"The port must be between 0 and 65535; got {Port}.");
        }

        if (TokensPerMinute < 1)
        {
            problems.Add($"The simulated regions' tokens per minute must be at least 1; got {TokensPerMinute}.");
        }

        if (Deployments.Count == 0)
        {
            problems.Add("The simulated regions need at least one deployment.");
        }

        foreach (var (region, endpoint) in Endpoints)
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("https" or "http"))
            {
                problems.Add($"The endpoint of region '{region}' must be an absolute http(s) URL; got '{endpoint}'.");
            }
        }

        return problems;
    }
}
