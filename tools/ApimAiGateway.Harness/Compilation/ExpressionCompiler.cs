using System.Text.RegularExpressions;
using ApimAiGateway.Harness.Compilation.Rules;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Diagnostic = ApimAiGateway.Harness.Diagnostics.Diagnostic;
using DiagnosticSeverity = ApimAiGateway.Harness.Diagnostics.DiagnosticSeverity;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// Compiles every expression of a run in ONE Roslyn compilation into one in-memory assembly, under APIM's rules:
/// its language level, its implicit namespaces, its allowed-types list. Compiling one by one with CSharpScript costs
/// tens of milliseconds per expression; one compilation shares parsing, binding and emit across all of them.
/// </summary>
public sealed partial class ExpressionCompiler
{
    private readonly ExpressionCompilerOptions _options;
    private readonly CSharpParseOptions _parseOptions;
    private readonly CSharpCompilationOptions _compilationOptions;
    private readonly CompilationCache? _cache;

    public ExpressionCompiler(ExpressionCompilerOptions options)
    {
        options.Validate();
        _options = options;
        _parseOptions = new CSharpParseOptions(options.LanguageVersion, DocumentationMode.None);
        _compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: true,
            deterministic: true)
            // Newtonsoft.Json was built against older framework assembly versions; unifying them is expected.
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        _cache = options.CacheDirectory is null ? null : new CompilationCache(options.CacheDirectory);
    }

    public ExpressionCompilation Compile(IReadOnlyList<ExpressionSource> expressions, CancellationToken cancellationToken = default)
    {
        var source = GeneratedExpressionSource.Create(expressions, _options);
        var key = _cache is null ? null : CompilationCache.KeyOf(source, _options);
        var cacheProblems = new List<Diagnostic>();

        if (key is not null && TryLoadCached(key, source, cacheProblems) is { } cached)
        {
            return cached;
        }

        var tree = CSharpSyntaxTree.ParseText(source.Text, _parseOptions, path: "expressions.g.cs", cancellationToken: cancellationToken);
        if (!HoldsOneMethodPerExpression(tree, source.Count))
        {
            return CompileWithoutBrokenExpressions(expressions, cancellationToken);
        }

        var (image, found) = CompileFresh(tree, cancellationToken);
        if (key is not null)
        {
            TryStore(key, new CachedCompilation(image, found), cacheProblems);
        }

        return Materialize(source, image, found, fromCache: false, cacheProblems);
    }

    private (byte[]? Image, List<CachedDiagnostic> Diagnostics) CompileFresh(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var methods = tree.GetRoot(cancellationToken).DescendantNodes().OfType<TypeDeclarationSyntax>().Single().Members.Cast<MethodDeclarationSyntax>().ToList();
        var compilation = CSharpCompilation.Create(
            "ApimExpressions_" + Guid.NewGuid().ToString("N"),
            [tree],
            MetadataReferences.For(_options.ContextType),
            _compilationOptions);

        var found = AnalyzeTypeRules(compilation, tree, methods, cancellationToken);

        // Emit binds every method body once and reports the compiler's errors on the way; a separate
        // GetDiagnostics pass would bind them all a second time.
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, cancellationToken: cancellationToken);
        foreach (var diagnostic in emitted.Diagnostics.Where(d => d.Severity == RoslynSeverity.Error))
        {
            found.Add(new CachedDiagnostic(diagnostic.Id, true, Describe(diagnostic), diagnostic.Location.IsInSource ? diagnostic.Location.SourceSpan.Start : 0));
        }

        found.Sort((a, b) => a.Position.CompareTo(b.Position));
        return (emitted.Success && !found.Exists(d => d.IsError) ? image.ToArray() : null, found);
    }

    /// <summary>
    /// Runs the allowed-types rule over the expression methods, split across the machine's cores: each part gets
    /// its own semantic model, and binding the bodies is the bulk of the work.
    /// </summary>
    private List<CachedDiagnostic> AnalyzeTypeRules(CSharpCompilation compilation, SyntaxTree tree, IReadOnlyList<MethodDeclarationSyntax> methods, CancellationToken cancellationToken)
    {
        var parts = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, methods.Count / 64));
        var violations = new List<TypeRuleViolation>[parts];
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = cancellationToken }, part =>
        {
            var analyzer = new ApimTypeRuleAnalyzer(compilation.GetSemanticModel(tree), _options.ApiNamespaces, _options.PlantedTypes);
            var found = violations[part] = [];
            for (var i = part; i < methods.Count; i += parts)
            {
                analyzer.Analyze(methods[i], found);
            }
        });

        return violations
            .SelectMany(part => part)
            .Select(v =>
            {
                var diagnostic = v.Descriptor.At(default, v.Arguments);
                return new CachedDiagnostic(diagnostic.Code, diagnostic.IsError, diagnostic.Message, v.Position);
            })
            .ToList();
    }

    private ExpressionCompilation? TryLoadCached(string key, GeneratedExpressionSource source, List<Diagnostic> cacheProblems)
    {
        try
        {
            if (_cache!.TryLoad(key, out var entry))
            {
                return Materialize(source, entry.Image, entry.Diagnostics, fromCache: true, cacheProblems);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or BadImageFormatException)
        {
            cacheProblems.Add(ExpressionDiagnostics.CacheUnusable.At(SourceLocation.StartOf(_cache!.Directory), _cache.Directory, e.Message));
        }

        return null;
    }

    private void TryStore(string key, CachedCompilation entry, List<Diagnostic> cacheProblems)
    {
        try
        {
            _cache!.Store(key, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cacheProblems.Add(ExpressionDiagnostics.CacheUnusable.At(SourceLocation.StartOf(_cache!.Directory), _cache.Directory, e.Message));
        }
    }

    private ExpressionCompilation Materialize(GeneratedExpressionSource source, byte[]? image, IReadOnlyList<CachedDiagnostic> found, bool fromCache, List<Diagnostic> extra)
    {
        var located = found
            .Select(d => new Diagnostic(d.Code, d.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, d.Message, Locate(source, d.Position)))
            .Distinct()
            .Concat(extra)
            .ToArray();
        var expressions = image is null ? null : CompiledExpressionSet.Load(image, _options.ContextType, source.Count);
        return new ExpressionCompilation(located, expressions, fromCache);
    }

    private static SourceLocation Locate(GeneratedExpressionSource source, int position)
    {
        var index = source.ExpressionAt(position);
        return index < 0 ? new SourceLocation("<expressions>", 1, 1) : source.LocationOf(index, position);
    }

    /// <summary>
    /// Some expression's code does not stay inside its own method (unbalanced after a named value was left in place,
    /// or handed in directly): each such expression is reported where it stands, and the rest are compiled with it
    /// neutralised, so every other problem is still reported.
    /// </summary>
    private ExpressionCompilation CompileWithoutBrokenExpressions(IReadOnlyList<ExpressionSource> expressions, CancellationToken cancellationToken)
    {
        // An expression can parse as one method on its own yet swallow the frame of the method after it, so each is
        // checked followed by a plain neighbour. Should none show up that way, the first is blamed: never a silent pass.
        var neighbour = new ExpressionSource("null", ExpressionKind.SingleStatement, ExpressionResultType.Object, _ => default);
        var broken = Enumerable.Range(0, expressions.Count)
            .Where(i => !HoldsOneMethodPerExpression(Parse([expressions[i], neighbour], cancellationToken), 2))
            .ToHashSet();
        if (broken.Count == 0)
        {
            broken.Add(0);
        }

        var neutral = expressions
            .Select((e, i) => broken.Contains(i) ? e with { Code = e.Kind == ExpressionKind.SingleStatement ? "null" : " return null; " } : e)
            .ToList();
        var rest = Compile(neutral, cancellationToken);
        var located = broken.Order().Select(i => ExpressionDiagnostics.NotOneExpression.At(expressions[i].LocationAt(0)));
        return new ExpressionCompilation([.. located, .. rest.Diagnostics], null, false);
    }

    private SyntaxTree Parse(IReadOnlyList<ExpressionSource> expressions, CancellationToken cancellationToken) =>
        CSharpSyntaxTree.ParseText(GeneratedExpressionSource.Create(expressions, _options).Text, _parseOptions, cancellationToken: cancellationToken);

    /// <summary>The generated file must hold exactly one method per expression, so no code escapes its own method.</summary>
    private static bool HoldsOneMethodPerExpression(SyntaxTree tree, int expected)
    {
        var types = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().ToList();
        return types.Count == 1 && types[0].Members.Count == expected && types[0].Members.All(m => m is MethodDeclarationSyntax);
    }

    /// <summary>Roslyn names the generated method in its messages; users know it as "the expression".</summary>
    private static string Describe(RoslynDiagnostic diagnostic) =>
        GeneratedMemberName().Replace(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "the expression");

    [GeneratedRegex(@"'?(?:[\w.]*\.)?" + GeneratedExpressionSource.ClassName + @"\.E\d+(?:\([^)]*\))?'?")]
    private static partial Regex GeneratedMemberName();
}
