using System.CommandLine;
using ApimAiGateway.Harness.Gateway.Loading;

namespace ApimAiGateway.Cli.Commands;

/// <summary>--repository DIR of publish and diff: the repository holding DIR (default: the current directory).</summary>
internal sealed class RepositoryOption
{
    public Option<string> Option { get; } = new("--repository")
    {
        Description = "The repository (default: the one holding the current directory).",
        DefaultValueFactory = _ => ".",
    };

    /// <returns>The repository root, or null after writing that there is none.</returns>
    public string? Resolve(ParseResult parse, TextWriter error)
    {
        var start = parse.GetValue(Option)!;
        if (string.IsNullOrWhiteSpace(start) || start.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            // RepositoryRoot.Find resolves the path, which throws for these.
            error.WriteLine("apim-policy: --repository must name a directory");
            return null;
        }

        if (RepositoryRoot.Find(start) is { } root)
        {
            return root;
        }

        error.WriteLine($"apim-policy: no repository (a directory holding policies/) at or above '{start}'");
        return null;
    }
}
