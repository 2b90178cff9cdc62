using ApimAiGateway.Delivery.Planning;
using ApimAiGateway.Delivery.Xml;
using ApimAiGateway.Harness.Gateway.Loading;

namespace ApimAiGateway.Delivery.Live;

/// <summary>
/// Compares the repository's policies and fragments with the live instance after <see cref="PolicyXmlNormalizer"/>:
/// what the repository has and the instance lacks, the reverse, and what differs.
/// </summary>
public static class DriftDetector
{
    public static IReadOnlyList<Drift> Compare(GatewayBlueprint repository, LiveInstance live)
    {
        var declared = DeploymentPlanner.Plan(repository, namedValues: null, backendsFile: null, AccountEndpoints.None).Resources
            .Where(r => r.Address.IsXml)
            .ToDictionary(r => r.Address, r => r.Body["properties"]!["value"]!.GetValue<string>());
        var actual = live.Documents.ToDictionary(d => d.Address, d => d.Text);
        var drifts = new List<Drift>();
        foreach (var (address, text) in declared)
        {
            if (!actual.TryGetValue(address, out var liveText))
            {
                drifts.Add(new Drift(address, DriftKind.MissingLive, []));
            }
            else if (CompactDiff.OfPolicies(liveText, text) is { Count: > 0 } diff)
            {
                drifts.Add(new Drift(address, DriftKind.Differs, diff));
            }
        }

        drifts.AddRange(actual.Keys.Where(a => !declared.ContainsKey(a)).Select(a => new Drift(a, DriftKind.MissingInRepository, [])));
        return [.. drifts.OrderBy(d => d.Address.Kind).ThenBy(d => d.Address.Api, StringComparer.Ordinal).ThenBy(d => d.Address.Name, StringComparer.Ordinal)];
    }
}
