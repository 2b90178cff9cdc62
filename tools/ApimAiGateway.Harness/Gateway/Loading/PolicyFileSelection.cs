namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>
/// Policy files named one by one rather than found in a repository, as <c>apim-policy run</c> takes them. Product,
/// API and operation ids come from a file's place in the layout when it has one, else from its file name.
/// </summary>
public sealed record PolicyFileSelection
{
    public string? Global { get; init; }

    public string? Product { get; init; }

    public string? Api { get; init; }

    public string? Operation { get; init; }

    public string? NamedValuesFile { get; init; }

    /// <summary>An environment file (policies/environments/&lt;name&gt;.json) laid over <see cref="NamedValuesFile"/>.</summary>
    public string? EnvironmentFile { get; init; }

    public IReadOnlyList<string> FragmentDirectories { get; init; } = [];

    public bool IsEmpty => Global is null && Product is null && Api is null && Operation is null;
}
