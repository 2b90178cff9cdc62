namespace ApimAiGateway.Harness.Analysis;

/// <summary>What to lint: files and directories of policies and fragments, and the environment's named values.</summary>
public sealed record LintRequest(IReadOnlyList<string> Paths)
{
    /// <summary>A named-values file (JSON or YAML); without one, <c>{{name}}</c> references are left unchecked.</summary>
    public string? NamedValuesFile { get; init; }

    /// <summary>An environment file (policies/environments/&lt;name&gt;.json) laid over <see cref="NamedValuesFile"/>.</summary>
    public string? EnvironmentFile { get; init; }

    /// <summary>
    /// Extra places to find fragments that the linted policies include. A <c>fragments</c> directory beside any
    /// <c>policies</c> directory among the inputs is found without being named.
    /// </summary>
    public IReadOnlyList<string> FragmentDirectories { get; init; } = [];
}
