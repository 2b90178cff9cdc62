using System.Text.Json.Nodes;
using ApimAiGateway.Delivery.Arm;
using ApimAiGateway.Delivery.Resources;

namespace ApimAiGateway.Delivery.Live;

/// <summary>
/// Reads every policy and fragment of an instance through the list endpoints (policyFragments, products, apis,
/// apis/{id}/operations) and one GET with <c>?format=rawxml</c> per policy. A scope without a policy answers 404.
/// Throws <see cref="ArmRequestException"/> when ARM fails; the commands catch it.
/// </summary>
public sealed class LiveInstanceReader(ArmClient client)
{
    public async Task<LiveInstance> ReadAsync(CancellationToken cancellationToken = default)
    {
        var documents = new List<LiveDocument>();
        var skipped = new List<string>();

        foreach (var fragment in await NamesAsync("policyFragments", skipped, cancellationToken))
        {
            await AddAsync(new ResourceAddress(ResourceKind.Fragment, fragment), documents, cancellationToken);
        }

        await AddAsync(ResourceAddress.Global, documents, cancellationToken);
        foreach (var product in await NamesAsync("products", skipped, cancellationToken))
        {
            await AddAsync(new ResourceAddress(ResourceKind.ProductPolicy, product), documents, cancellationToken);
        }

        foreach (var api in await NamesAsync("apis", skipped, cancellationToken))
        {
            await AddAsync(new ResourceAddress(ResourceKind.ApiPolicy, api), documents, cancellationToken);
            foreach (var operation in await NamesAsync($"apis/{api}/operations", skipped, cancellationToken))
            {
                await AddAsync(new ResourceAddress(ResourceKind.OperationPolicy, operation, api), documents, cancellationToken);
            }
        }

        return new LiveInstance(documents, skipped);
    }

    private async Task AddAsync(ResourceAddress address, List<LiveDocument> documents, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync(address.ArmPath, rawXml: true, cancellationToken);
        if (response.Status == 404)
        {
            return;
        }

        var value = response.Json()?["properties"]?["value"];
        documents.Add(value is JsonValue text && text.TryGetValue<string>(out var xml)
            ? new LiveDocument(address, xml)
            : throw new ArmRequestException($"{address}: the answer has no properties.value", response.Status));
    }

    /// <summary>The names of a list; ids that are not safe as a path or file name (API revisions ";rev=n") are skipped.</summary>
    private async Task<IReadOnlyList<string>> NamesAsync(string list, List<string> skipped, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var item in await client.ListAsync(list, cancellationToken))
        {
            var name = item["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (ArmName.IsSafe(name))
            {
                names.Add(name!);
            }
            else
            {
                skipped.Add($"{list}: '{LogText.Of(name, 80)}' is not an id that can be a file name");
            }
        }

        return names.Order(StringComparer.Ordinal).ToList();
    }
}
