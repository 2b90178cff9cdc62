namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>How to read a repository into a gateway.</summary>
public sealed record RepositoryLoadOptions
{
    /// <summary>Named values to use instead of policies/named-values.json.</summary>
    public string? NamedValuesFile { get; init; }

    /// <summary>
    /// An environment of policies/environments/ (by name, e.g. "dev") whose values are laid over the named values;
    /// a name that is not defined there is error AGW2020 listing the ones that are.
    /// </summary>
    public string? Environment { get; init; }

    /// <summary>More directories of fragments besides the repository's fragments/.</summary>
    public IReadOnlyList<string> FragmentDirectories { get; init; } = [];
}
