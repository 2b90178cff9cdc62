using ApimAiGateway.Harness.Tokenization;

namespace ApimAiGateway.Harness.Tests.Tokenization;

public sealed class ModelEncodingsTests
{
    [Theory]
    [InlineData("gpt-4o", TokenEncoding.O200kBase)]
    [InlineData("gpt-4o-mini-2024-07-18", TokenEncoding.O200kBase)]
    [InlineData("gpt-4.1-nano", TokenEncoding.O200kBase)]
    [InlineData("o1-preview", TokenEncoding.O200kBase)]
    [InlineData("o3-mini", TokenEncoding.O200kBase)]
    [InlineData("o4-mini", TokenEncoding.O200kBase)]
    [InlineData("gpt-5-chat", TokenEncoding.O200kBase)]
    [InlineData("GPT-4", TokenEncoding.Cl100kBase)]
    [InlineData("gpt-4-turbo", TokenEncoding.Cl100kBase)]
    [InlineData("gpt-3.5-turbo", TokenEncoding.Cl100kBase)]
    [InlineData("gpt-35-turbo-16k", TokenEncoding.Cl100kBase)]
    [InlineData("text-embedding-3-small", TokenEncoding.Cl100kBase)]
    [InlineData("text-embedding-ada-002", TokenEncoding.Cl100kBase)]
    public void Models_map_to_their_encoding_by_prefix(string model, TokenEncoding expected) =>
        Assert.Equal(expected, ModelEncodings.ForModel(model));

    [Theory]
    [InlineData("my-custom-model")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_models_use_o200k_the_encoding_of_every_recent_model(string? model) =>
        Assert.Equal(TokenEncoding.O200kBase, ModelEncodings.ForModel(model));
}
