using System.CommandLine;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Cli;

/// <summary>
/// <c>--environment NAME</c>, shared by the verbs that read named values: policies/named-values.json with
/// policies/environments/NAME.json laid over it. Checked before any work, so a wrong name is one line and exit 2.
/// </summary>
internal static class EnvironmentOption
{
    public static Option<string?> Create() => new("--environment")
    {
        Description = "Environment whose named values (policies/environments/NAME.json) are laid over policies/named-values.json.",
    };

    /// <summary>
    /// The environment's file in <paramref name="repository"/>; false (after writing why) when there is no repository or
    /// no such environment. No environment asked for resolves to a null file.
    /// </summary>
    public static bool TryResolve(string? environment, string? repository, TextWriter error, out string? file)
    {
        file = null;
        if (environment is null)
        {
            return true;
        }

        if (repository is null)
        {
            error.WriteLine($"apim-policy: --environment needs a repository (a directory holding policies/) at or above '{Environment.CurrentDirectory}'.");
            return false;
        }

        file = NamedValueEnvironments.FileOf(repository, environment);
        if (file is null)
        {
            error.WriteLine($"apim-policy: unknown environment '{environment}'; the environments are: {NamedValueEnvironments.DescribeDefined(repository)}.");
        }

        return file is not null;
    }

    /// <summary>The catalog to lay an environment over: the one named, else the repository's when an environment is used.</summary>
    public static string? Catalog(string? namedValues, string? environmentFile, string? repository) =>
        namedValues ?? (environmentFile is not null && repository is not null ? NamedValueEnvironments.ExistingCatalogOf(repository) : null);
}
