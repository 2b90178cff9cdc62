using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>An embeddings answer: one vector per input, in input order, and the prompt tokens as usage.</summary>
internal static class EmbeddingAnswer
{
    /// <summary>The texts of <c>input</c>: a string or an array of them; token-id arrays are embedded as their ids' text.</summary>
    public static IReadOnlyList<string> Inputs(JToken input) => input switch
    {
        JArray items when items.All(item => item.Type == JTokenType.Integer) => [string.Join(' ', items)],
        JArray items => [.. items.SelectMany(Inputs)],
        JValue value => [value.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        _ => [],
    };

    public static ServiceResponse ToJson(IReadOnlyList<string> inputs, int dimensions, string model, int promptTokens) =>
        ServiceResponse.Json(new JObject
        {
            ["object"] = "list",
            ["data"] = new JArray(inputs.Select((text, index) => new JObject
            {
                ["object"] = "embedding",
                ["index"] = index,
                ["embedding"] = new JArray(BagOfWordsEmbedding.Embed(text, dimensions)),
            })),
            ["model"] = model,
            ["usage"] = new JObject { ["prompt_tokens"] = promptTokens, ["total_tokens"] = promptTokens },
        });
}
