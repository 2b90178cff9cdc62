namespace ApimAiGateway.Delivery.Arm;

/// <summary>How the ARM client reaches Azure Resource Manager: endpoint, API version, retries and polling bounds.</summary>
public sealed record ArmClientOptions
{
    /// <summary>The GA API version the Pulumi program deploys with (docs/delivery.md, azure-deployment-reference §2.1).</summary>
    public const string StableApiVersion = "2024-05-01";

    public static Uri PublicCloud { get; } = new("https://management.azure.com");

    public Uri Endpoint { get; init; } = PublicCloud;

    public string ApiVersion { get; init; } = StableApiVersion;

    /// <summary>Attempts per request, the first included, when ARM answers 429 or 5xx or cannot be reached.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, even when Retry-After asks for more.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a long-running operation is polled when ARM does not say (Retry-After).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxPolls { get; init; } = 120;

    /// <summary>Policies are at most a few hundred KB; a longer answer is refused rather than held in memory.</summary>
    public int MaxResponseBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Waits between attempts and polls; tests replace it to record the waits instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <returns>What is wrong with the options, or null.</returns>
    public string? Validate() =>
        !Endpoint.IsAbsoluteUri ? "--arm-endpoint must be an absolute URL"
        : Endpoint.Scheme != Uri.UriSchemeHttps && !(Endpoint.Scheme == Uri.UriSchemeHttp && Endpoint.IsLoopback)
            ? $"--arm-endpoint '{Endpoint}' must use https (plain http is accepted only on the loopback address, for a local stand-in)"
        : Endpoint.AbsolutePath != "/" || Endpoint.Query.Length > 0 ? "--arm-endpoint must be a bare origin such as https://management.azure.com"
        : string.IsNullOrWhiteSpace(ApiVersion) ? "the API version is empty"
        : MaxAttempts < 1 ? "at least one attempt is needed"
        : MaxPolls < 1 ? "at least one poll is needed"
        : MaxResponseBytes < 1024 ? "the response limit is too small"
        : null;
}
