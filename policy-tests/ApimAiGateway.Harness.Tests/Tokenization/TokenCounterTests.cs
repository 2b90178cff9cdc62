using ApimAiGateway.Harness.Tokenization;

namespace ApimAiGateway.Harness.Tests.Tokenization;

public sealed class TokenCounterTests
{
    // "hello world" is two tokens in both encodings ("hello", " world"); OpenAI's tokenizer page shows the same.
    [Theory]
    [InlineData(TokenEncoding.O200kBase)]
    [InlineData(TokenEncoding.Cl100kBase)]
    public void Hello_world_is_two_tokens(TokenEncoding encoding) =>
        Assert.Equal(2, TokenCounter.Count("hello world", encoding));

    // OpenAI cookbook "How to count tokens with tiktoken": "tiktoken is great!" is 6 tokens in cl100k_base.
    [Fact]
    public void The_cookbook_example_counts_as_published() =>
        Assert.Equal(6, TokenCounter.Count("tiktoken is great!", TokenEncoding.Cl100kBase));

    [Fact]
    public void The_encodings_differ_on_non_english_text()
    {
        const string text = "Привет, как дела? Это проверка токенизатора.";

        Assert.True(TokenCounter.Count(text, TokenEncoding.O200kBase) < TokenCounter.Count(text, TokenEncoding.Cl100kBase));
    }

    [Fact]
    public void Empty_text_is_no_tokens() => Assert.Equal(0, TokenCounter.Count("", TokenEncoding.O200kBase));

    [Fact]
    public void Truncation_keeps_a_prefix_of_at_most_the_given_tokens()
    {
        const string text = "The quick brown fox jumps over the lazy dog.";

        var cut = TokenCounter.Truncate(text, 3, TokenEncoding.O200kBase);

        Assert.Equal("The quick brown", cut);
        Assert.Equal("", TokenCounter.Truncate(text, 0, TokenEncoding.O200kBase));
        Assert.Equal(text, TokenCounter.Truncate(text, 100, TokenEncoding.O200kBase));
    }

    [Fact]
    public void Splitting_gives_one_piece_per_token_that_join_back_into_the_text()
    {
        const string text = "Streaming 🚀 works, token by token.";

        var pieces = TokenCounter.Split(text, TokenEncoding.O200kBase);

        Assert.Equal(text, string.Concat(pieces));
        Assert.Equal(["Streaming", " ", "🚀", " works", ",", " token", " by", " token", "."], pieces);
    }

    [Fact]
    public void Counting_is_safe_from_many_threads()
    {
        var counts = Enumerable.Range(0, 64).AsParallel()
            .Select(i => TokenCounter.Count($"request number {i} says hello world", i % 2 == 0 ? TokenEncoding.O200kBase : TokenEncoding.Cl100kBase))
            .ToList();

        Assert.All(counts, count => Assert.InRange(count, 6, 8));
    }
}
