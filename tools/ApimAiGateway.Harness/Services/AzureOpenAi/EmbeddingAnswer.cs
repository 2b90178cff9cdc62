using System.Buffers.Binary;
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

    /// <param name="base64">
    /// <c>encoding_format: "base64"</c>: each vector as the base64 of its float32 values, little-endian, which is
    /// what the official OpenAI clients ask for and decode (OpenAI API reference, "Create embeddings").
    /// </param>
    public static ServiceResponse ToJson(IReadOnlyList<string> inputs, int dimensions, string model, int promptTokens, bool base64) =>
        ServiceResponse.Json(new JObject
        {
            ["object"] = "list",
            ["data"] = new JArray(inputs.Select((text, index) => new JObject
            {
                ["object"] = "embedding",
                ["index"] = index,
                ["embedding"] = Vector(BagOfWordsEmbedding.Embed(text, dimensions), base64),
            })),
            ["model"] = model,
            ["usage"] = new JObject { ["prompt_tokens"] = promptTokens, ["total_tokens"] = promptTokens },
        });

    private static JToken Vector(float[] values, bool base64)
    {
        if (!base64)
        {
            return new JArray(values);
        }

        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }
}
