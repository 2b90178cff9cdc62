using Microsoft.CodeAnalysis.CSharp;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>How expressions are compiled: the type of <c>context</c>, the implicit namespaces, the language level.</summary>
public sealed class ExpressionCompilerOptions
{
    /// <summary>
    /// The namespaces APIM expressions use unqualified. The docs do not list them; its examples use Regex, Encoding,
    /// Convert, JObject, JsonConvert, XElement, SHA256 and LINQ without qualification (apim-reference §1.1).
    /// System.Xml is left out: with it, the docs' unqualified <c>Formatting.None</c> (Newtonsoft's) is ambiguous.
    /// </summary>
    public static readonly IReadOnlyList<string> ApimImplicitUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.Linq",
        "System.Text",
        "System.Text.RegularExpressions",
        "System.Xml.Linq",
        "System.Net",
        "System.Security.Cryptography",
        "System.Security.Cryptography.X509Certificates",
        "Newtonsoft.Json",
        "Newtonsoft.Json.Linq",
    ];

    /// <summary>
    /// The current APIM docs say expressions are C# 7 (apim-reference §1.1). We take the last C# 7 release, 7.3, so
    /// that no 7.x construct APIM accepts is rejected here.
    /// </summary>
    public const LanguageVersion ApimLanguageVersion = LanguageVersion.CSharp7_3;

    /// <summary>The options APIM's own compiler stands for: our <c>context</c> model, its namespace imported.</summary>
    public static ExpressionCompilerOptions Apim(string? cacheDirectory = null) => new()
    {
        ContextType = typeof(Context.IExpressionContext),
        ApiNamespaces = [typeof(Context.IExpressionContext).Namespace!],
        CacheDirectory = cacheDirectory,
    };

    public required Type ContextType { get; init; }

    /// <summary>
    /// Namespaces whose types are APIM's own expression API: imported (taking precedence over the implicit usings)
    /// and exempt from the allowed-types rule.
    /// </summary>
    public required IReadOnlyList<string> ApiNamespaces { get; init; }

    public IReadOnlyList<string> Usings { get; init; } = ApimImplicitUsings;

    public LanguageVersion LanguageVersion { get; init; } = ApimLanguageVersion;

    /// <summary>
    /// A statement planted in every loop body and labelled statement so runaway expressions can be stopped
    /// (<c>ExpressionWatchdog.Tick()</c> for code that runs); null compiles the code as written, as lint does.
    /// </summary>
    public string? LoopWatchdogCall { get; init; }

    /// <summary>The options for expressions that run in the pipeline: APIM's, with the runaway watchdog planted.</summary>
    public static ExpressionCompilerOptions ApimExecutable(string? cacheDirectory = null) => new()
    {
        ContextType = typeof(Context.IExpressionContext),
        ApiNamespaces = [typeof(Context.IExpressionContext).Namespace!],
        CacheDirectory = cacheDirectory,
        LoopWatchdogCall = "global::" + typeof(Execution.ExpressionWatchdog).FullName + ".Tick();",
        PlantedTypes = [typeof(Execution.ExpressionWatchdog).FullName!],
    };

    /// <summary>Types the compiler itself plants in the code (the watchdog); the allowed-types rule ignores them.</summary>
    public IReadOnlyList<string> PlantedTypes { get; init; } = [];

    /// <summary>Where compiled expression sets are kept between runs; null turns the disk cache off.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Checks the options up front so a misconfiguration fails with a clear message, not deep in Roslyn.</summary>
    public void Validate()
    {
        if (ContextType.FullName is null || ContextType.IsGenericTypeDefinition)
        {
            throw new ArgumentException($"The context type '{ContextType}' must be a closed, named type.", nameof(ContextType));
        }

        if (ApiNamespaces.Count == 0)
        {
            throw new ArgumentException("At least one namespace must hold the expression API.", nameof(ApiNamespaces));
        }

        foreach (var ns in Usings.Concat(ApiNamespaces))
        {
            if (!SyntaxFacts.IsValidIdentifier(ns.Replace('.', '_')))
            {
                throw new ArgumentException($"'{ns}' is not a namespace name.", nameof(Usings));
            }
        }
    }
}
