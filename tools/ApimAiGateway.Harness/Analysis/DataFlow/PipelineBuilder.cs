using ApimAiGateway.Harness.Composition;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>
/// Groups the documents of a lint run into the pipelines they form. Which products an API belongs to is not part of
/// the policy files, so every product is paired with every API: a check then holds whichever product a caller uses.
/// Documents outside the repository layout form one pipeline of their own each.
/// </summary>
public static class PipelineBuilder
{
    public static IReadOnlyList<Pipeline> Build(IReadOnlyList<LintedDocument> documents)
    {
        var policies = documents.Where(d => d.Document.Kind == PolicyDocumentKind.Policies).ToList();
        var global = policies.FirstOrDefault(d => d.Placement.Scope == PolicyScopes.Global);
        var products = policies.Where(d => d.Placement.Scope == PolicyScopes.Product).Select(d => (LintedDocument?)d).DefaultIfEmpty(null).ToList();
        var pipelines = new List<Pipeline>();

        var apis = policies.Where(d => d.Placement.ApiId is not null).GroupBy(d => d.Placement.ApiId!, StringComparer.Ordinal);
        foreach (var api in apis)
        {
            var apiDocument = api.FirstOrDefault(d => d.Placement.Scope == PolicyScopes.Api);
            var operations = api.Where(d => d.Placement.Scope == PolicyScopes.Operation).Select(d => (LintedDocument?)d).DefaultIfEmpty(null).ToList();
            var chains = (from product in products
                          from operation in operations
                          select Chain(global, product, apiDocument, operation)).ToList();
            pipelines.Add(new Pipeline($"API '{api.Key}'", chains));
        }

        if (pipelines.Count == 0 && (global is not null || products[0] is not null))
        {
            pipelines.Add(new Pipeline("the global and product policies", products.Select(p => Chain(global, p, null, null)).ToList()));
        }

        foreach (var unplaced in policies.Where(d => !d.Placement.IsPlaced))
        {
            pipelines.Add(new Pipeline($"'{Path.GetFileName(unplaced.Document.File)}'", [[new ScopedPolicyDocument(PolicyScopes.All, unplaced.Document)]]));
        }

        return pipelines;
    }

    private static IReadOnlyList<ScopedPolicyDocument> Chain(params LintedDocument?[] documents) =>
        documents.OfType<LintedDocument>().Select(d => new ScopedPolicyDocument(d.Placement.Scope, d.Document)).ToList();
}
