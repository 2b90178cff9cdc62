using ApimAiGateway.Harness.Services.AzureOpenAi;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Services.AzureOpenAi;

public sealed class EmbeddingsTests
{
    private const string Capital = "What is the capital of France?";
    private const string Paraphrase = "Tell me France's capital city";
    private const string Bread = "How do I bake bread?";

    [Fact]
    public void Paraphrases_land_close_and_unrelated_prompts_far_apart()
    {
        var capital = BagOfWordsEmbedding.Embed(Capital);

        // {capital, france} against {france, capital, city}: 2 shared of 2 and 3 stems, 2/sqrt(6).
        Assert.Equal(0.8165, BagOfWordsEmbedding.Cosine(capital, BagOfWordsEmbedding.Embed(Paraphrase)), 4);
        Assert.Equal(0.0, BagOfWordsEmbedding.Cosine(capital, BagOfWordsEmbedding.Embed(Bread)), 4);
        Assert.Equal(1.0, BagOfWordsEmbedding.Cosine(capital, BagOfWordsEmbedding.Embed("capital of FRANCE")), 4);
    }

    [Fact]
    public void Stems_drop_stop_words_possessives_and_plural_endings() =>
        Assert.Equal(["france", "capital", "city", "city"], BagOfWordsEmbedding.Stems("Tell me France's capital cities, city?"));

    [Fact]
    public void Vectors_have_unit_length_and_the_requested_dimensions()
    {
        var vector = BagOfWordsEmbedding.Embed(Bread);
        var small = BagOfWordsEmbedding.Embed(Bread, 16);

        Assert.Equal(256, vector.Length);
        Assert.Equal(16, small.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(value => (double)value * value)), 5);
        Assert.All(BagOfWordsEmbedding.Embed("the of and"), value => Assert.Equal(0f, value));
    }

    [Fact]
    public async Task The_embeddings_endpoint_answers_one_vector_per_input_with_usage()
    {
        var aoai = new AzureOpenAiFixture();

        var outcome = await aoai.Post(
            $"/openai/deployments/embed/embeddings?api-version={AzureOpenAiFixture.ApiVersion}",
            $$"""{"input":["{{Capital}}","{{Bread}}"]}""");

        var json = outcome.Response!.BodyAs<JObject>()!;
        var data = (JArray)json["data"]!;
        Assert.Equal(200, outcome.Response.StatusCode);
        Assert.Equal("list", (string?)json["object"]);
        Assert.Equal("text-embedding-3-small", (string?)json["model"]);
        Assert.Equal([0, 1], data.Select(item => (int)item["index"]!));
        Assert.Equal(BagOfWordsEmbedding.Embed(Capital), data[0]["embedding"]!.Select(value => (float)value));
        Assert.Equal(7 + 6, (int)json.SelectToken("usage.prompt_tokens")!);
        Assert.Equal(7 + 6, (int)json.SelectToken("usage.total_tokens")!);
    }

    [Fact]
    public async Task The_v1_embeddings_shape_honours_dimensions()
    {
        var aoai = new AzureOpenAiFixture();

        var outcome = await aoai.Post("/openai/v1/embeddings", """{"model":"embed","input":"hello world","dimensions":64}""");

        Assert.Equal(64, ((JArray)outcome.Response!.BodyAs<JObject>()!.SelectToken("data[0].embedding")!).Count);
    }

    // encoding_format "base64": each vector is the base64 of its float32 values, little-endian; the official OpenAI
    // clients ask for it and decode it (OpenAI API reference, "Create embeddings", encoding_format).
    [Fact]
    public async Task Base64_encoding_sends_each_vector_as_little_endian_float32_bytes()
    {
        var aoai = new AzureOpenAiFixture();

        var outcome = await aoai.Post("/openai/v1/embeddings", $$"""{"model":"embed","input":"{{Capital}}","encoding_format":"base64","dimensions":8}""");

        var bytes = Convert.FromBase64String((string)outcome.Response!.BodyAs<JObject>()!.SelectToken("data[0].embedding")!);
        var vector = Enumerable.Range(0, bytes.Length / sizeof(float))
            .Select(i => System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float))));
        Assert.Equal(8 * sizeof(float), bytes.Length);
        Assert.Equal(BagOfWordsEmbedding.Embed(Capital, 8), vector);
    }
}
