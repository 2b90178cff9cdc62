using Microsoft.ML.Tokenizers;

namespace ApimAiGateway.Harness.Tokenization;

/// <summary>
/// Counts and cuts text in tokens of an encoding. The tokenizers load their vocabularies once, on first use, and
/// are safe to share between threads (Microsoft.ML.Tokenizers keeps no per-call state in them).
/// </summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public static int Count(string text, TokenEncoding encoding) =>
        text.Length == 0 ? 0 : TokenizerFor(encoding).CountTokens(text);

    /// <summary>The longest start of <paramref name="text"/> that fits in <paramref name="maxTokens"/> tokens.</summary>
    public static string Truncate(string text, int maxTokens, TokenEncoding encoding)
    {
        if (maxTokens <= 0)
        {
            return "";
        }

        var end = TokenizerFor(encoding).GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..end];
    }

    /// <summary>
    /// The text split at token boundaries, as a model streams it. A character that spans several tokens (an emoji,
    /// say) stays whole in one piece, so the pieces always join back into <paramref name="text"/>.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, TokenEncoding encoding)
    {
        var starts = TokenizerFor(encoding).EncodeToTokens(text, out _)
            .Select(token => token.Offset.Start.GetOffset(text.Length))
            .Where(start => start > 0 && start < text.Length)
            .Distinct()
            .Order()
            .Prepend(0)
            .Append(text.Length)
            .ToArray();
        return [.. starts.Zip(starts.Skip(1), (start, end) => text[start..end]).Where(piece => piece.Length > 0)];
    }

    private static Tokenizer TokenizerFor(TokenEncoding encoding) => encoding switch
    {
        TokenEncoding.Cl100kBase => Cl100k.Value,
        _ => O200k.Value,
    };
}
