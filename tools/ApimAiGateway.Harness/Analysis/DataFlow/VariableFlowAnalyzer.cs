using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>
/// Warns about a variable read by literal name that nothing in the pipeline sets: <c>set-variable</c>, or any policy
/// attribute that names an output variable (<c>response-variable-name</c>, <c>variable-name</c>,
/// <c>output-token-variable-name</c>, <c>*-variable-name</c> of the limit policies).
/// </summary>
public sealed class VariableFlowAnalyzer(PolicyWalk walk, ExpressionFactsCache facts)
{
    public void Analyze(Pipeline pipeline, DiagnosticBag diagnostics)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var reads = new List<(string Name, SourceLocation Location)>();
        foreach (var element in pipeline.Documents.SelectMany(d => walk.AllElements(d.Root)))
        {
            CollectSetsAndReads(element, set, reads);
            foreach (var expression in PolicyWalk.ExpressionsOf(element))
            {
                reads.AddRange(facts.Of(expression).VariableReads.Select(r => (r.Name, expression.Code.LocationAt(r.Offset))));
            }
        }

        foreach (var (name, location) in reads.Where(r => !set.Contains(r.Name)).Distinct())
        {
            diagnostics.Add(AnalysisDiagnostics.VariableNeverSet, location, name, pipeline.Name);
        }
    }

    private static void CollectSetsAndReads(PolicyElement element, HashSet<string> set, List<(string, SourceLocation)> reads)
    {
        foreach (var attribute in element.Attributes.Where(a => !a.Value.IsExpression))
        {
            var name = attribute.Value.Text.Text.Trim();
            if (element.Name == "set-variable" && attribute.Name == "name")
            {
                set.Add(name);
            }
            else if (element.Name == "return-response" && attribute.Name == "response-variable-name")
            {
                // return-response reads the response another policy stored.
                reads.Add((name, attribute.Value.Text.Start));
            }
            else if (attribute.Name.EndsWith("variable-name", StringComparison.Ordinal))
            {
                set.Add(name);
            }
        }
    }
}
