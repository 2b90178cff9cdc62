using System.Reflection;
using ApimAiGateway.Harness.Context;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>
/// Compiles expressions the way the policy compiler will: each wrapped as
/// <c>static object En(IExpressionContext context) =&gt; (expr);</c> with exactly the implicit usings of policy
/// expressions and no others, so overload resolution is the real compiler's. A plain test file cannot do this:
/// the test project's implicit global usings would always be in scope too.
/// </summary>
internal sealed class CompiledExpressions
{
    private static readonly string[] Usings =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Text.RegularExpressions",
        "System.Xml", "System.Xml.Linq", "System.Net", "System.Security.Cryptography",
        "System.Security.Cryptography.X509Certificates", "Newtonsoft.Json", "Newtonsoft.Json.Linq",
        "ApimAiGateway.Harness.Context",
    ];

    private readonly MethodInfo[] _methods;

    public CompiledExpressions(IReadOnlyList<string> expressions)
    {
        var source = string.Concat(Usings.Select(u => $"using {u};\n"))
            + "public static class Expressions {\n"
            + string.Concat(expressions.Select((e, i) => $"public static object E{i}(IExpressionContext context) => ({e});\n"))
            + "}\n";
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create(
            "PolicyExpressions", [tree], References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Errors = [.. emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];
        HelperBindings = BindingsOf(compilation.GetSemanticModel(tree), tree);
        var type = emitted.Success ? Assembly.Load(image.ToArray()).GetType("Expressions")! : null;
        _methods = [.. expressions.Select((_, i) => type?.GetMethod("E" + i)!)];
    }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>Every invoked method, as <c>Name</c> to the namespace of the type declaring it.</summary>
    public IReadOnlyList<(string Method, string Namespace)> HelperBindings { get; }

    public object? Evaluate(int index, IExpressionContext context) => _methods[index].Invoke(null, [context]);

    private static List<MetadataReference> References()
    {
        // The test host's trusted assemblies already include Newtonsoft.Json and the harness; the explicit ones
        // make that independent of the host, and Distinct keeps each assembly referenced once.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return
        [
            .. platform
                .Append(typeof(JObject).Assembly.Location)
                .Append(typeof(IExpressionContext).Assembly.Location)
                .Distinct(StringComparer.Ordinal)
                .Select(path => MetadataReference.CreateFromFile(path)),
        ];
    }

    private static List<(string, string)> BindingsOf(SemanticModel model, SyntaxTree tree) =>
    [
        .. tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(invocation => model.GetSymbolInfo(invocation).Symbol)
            .OfType<IMethodSymbol>()
            .Select(method => (method.Name, method.ContainingNamespace.ToDisplayString())),
    ];
}
