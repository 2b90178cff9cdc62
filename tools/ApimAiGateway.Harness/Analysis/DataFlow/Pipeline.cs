using ApimAiGateway.Harness.Composition;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>
/// The documents that run together for some request path: one chain of scopes per combination of product and
/// operation, named for messages ("API 'chat'").
/// </summary>
public sealed record Pipeline(string Name, IReadOnlyList<IReadOnlyList<ScopedPolicyDocument>> Chains)
{
    public IEnumerable<Reading.PolicyDocument> Documents => Chains.SelectMany(c => c).Select(d => d.Document).Distinct();
}
