using ApimAiGateway.Harness.Analysis.DataFlow;
using ApimAiGateway.Harness.Analysis.Structure;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Fragments;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Analysis;

/// <summary>
/// Lints a policy library the way APIM validates it on save, plus the data-flow checks APIM does not make:
/// read every file (raw or escaped form, named values substituted), check its structure against the policy catalog,
/// compile all expressions in one compilation under APIM's rules, then follow variables and bodies through the
/// pipelines the documents compose into. Fragments in a fragments/ directory must also open with their contract.
/// </summary>
public sealed class PolicyLinter(PolicyCatalog catalog, ExpressionCompiler compiler)
{
    private readonly PolicyReader _reader = new();

    public LintResult Lint(LintRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var files = PolicyFileDiscovery.Discover(request.Paths, diagnostics);
        var namedValues = NamedValueLayering.LoadInto(request.NamedValuesFile, request.EnvironmentFile, diagnostics);

        var documents = new List<LintedDocument>();
        var fragments = new FragmentIndex();
        foreach (var file in files)
        {
            var read = _reader.ReadFile(file, namedValues);
            diagnostics.AddRange(read.Diagnostics);
            if (read.Document is { } document)
            {
                documents.Add(new LintedDocument(document, PolicyLayout.PlacementOf(file)));
                if (document.Kind == PolicyDocumentKind.Fragment)
                {
                    fragments.Add(PolicyLayout.FragmentIdOf(file), document);
                    if (FragmentContractReader.IsExpectedFor(file))
                    {
                        diagnostics.AddRange(FragmentContractReader.ReadFile(file, namedValues).Diagnostics);
                    }
                }
            }
        }

        // Fragments that the linted policies include but that were not named are read for resolution only.
        foreach (var file in PolicyFileDiscovery.FragmentFiles(request, files))
        {
            if (_reader.ReadFile(file, namedValues).Document is { Kind: PolicyDocumentKind.Fragment } fragment)
            {
                fragments.Add(PolicyLayout.FragmentIdOf(file), fragment);
            }
        }

        var validator = new StructureValidator(catalog, fragments, diagnostics);
        var collector = new ExpressionCollector(catalog);
        var expressions = new List<CollectedExpression>();
        foreach (var document in documents)
        {
            validator.Validate(document.Document, document.Placement.Scope);
            collector.Collect(document.Document, expressions);
            ValidateLiquidTemplates(document.Document.Root, diagnostics);
        }

        var compilation = compiler.Compile(expressions.Select(e => e.ToSource()).ToList());
        diagnostics.AddRange(compilation.Diagnostics);

        var walk = new PolicyWalk(catalog, fragments);
        var facts = new ExpressionFactsCache();
        var variables = new VariableFlowAnalyzer(walk, facts);
        var bodies = new BodyFlowAnalyzer(walk, facts);
        foreach (var pipeline in PipelineBuilder.Build(documents))
        {
            variables.Analyze(pipeline, diagnostics);
            bodies.Analyze(pipeline, diagnostics);
        }

        var ordered = diagnostics.Items
            .Distinct()
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();
        return new LintResult(ordered, files.Count, expressions.Count, compilation.FromCache);
    }

    /// <summary>set-body with template="liquid": the template's syntax and filters are checked where they stand.</summary>
    private static void ValidateLiquidTemplates(PolicyElement element, DiagnosticBag diagnostics)
    {
        if (element.Name == "set-body"
            && element.Attribute("template")?.Value.Text.Text.Trim() == "liquid"
            && element.Text is { IsExpression: false } template)
        {
            diagnostics.AddRange(Templates.LiquidTemplateRenderer.Validate(template.Text));
        }

        foreach (var child in element.Elements)
        {
            ValidateLiquidTemplates(child, diagnostics);
        }
    }
}
