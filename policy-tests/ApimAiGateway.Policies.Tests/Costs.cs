using System.Globalization;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services.AzureOpenAi;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Policies.Tests;

/// <summary>What the repository's price table (named value model-price-table) charges, and what the gateway said it charged.</summary>
internal static class Costs
{
    public static decimal Of(GatewayResult result) => decimal.Parse(result.Header("x-cost")!, CultureInfo.InvariantCulture);

    /// <summary>The price of a chat call's usage on <paramref name="model"/>, per million tokens as the table lists them.</summary>
    public static decimal Expected(string model, TokenUsage usage)
    {
        var price = JObject.Parse(ThisRepository.NamedValue("model-price-table"))["models"]![model]!;
        return (usage.PromptTokens * price.Value<decimal>("input") + usage.CompletionTokens * price.Value<decimal>("output")) / 1_000_000m;
    }
}
