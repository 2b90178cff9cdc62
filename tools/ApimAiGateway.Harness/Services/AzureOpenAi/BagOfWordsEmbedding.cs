using System.Text;

namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// Deterministic embeddings with the property a semantic cache needs: paraphrases land close, unrelated prompts far
/// apart. Text becomes lowercase word stems with stop words and question framing ("what is", "tell me") removed;
/// each stem is hashed to a dimension and a sign (feature hashing), and the vector is normalised to length 1, so
/// the cosine similarity of two embeddings is the dot product, as with OpenAI's embedding models.
/// </summary>
public static class BagOfWordsEmbedding
{
    public const int DefaultDimensions = 256;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "about",
        "as", "into", "than", "then", "so", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does",
        "did", "have", "has", "had", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they",
        "them", "their", "this", "that", "these", "those", "there", "what", "which", "who", "whom", "whose", "when",
        "where", "why", "how", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "not",
        "no", "yes", "please", "tell", "show", "give", "explain", "know", "want", "need", "let", "us", "some", "any",
    };

    public static float[] Embed(string text, int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var vector = new float[dimensions];
        foreach (var stem in Stems(text))
        {
            var hash = StableHash.UInt64(stem);
            vector[(int)(hash % (ulong)dimensions)] += (hash >> 63) == 0 ? 1f : -1f;
        }

        var length = MathF.Sqrt(vector.Sum(value => value * value));
        return length == 0 ? vector : [.. vector.Select(value => value / length)];
    }

    /// <summary>Cosine similarity: 1 for the same direction, 0 for nothing in common; 0 when either vector is zero.</summary>
    public static double Cosine(IReadOnlyList<float> left, IReadOnlyList<float> right)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(left.Count, right.Count);
        double dot = 0, leftSquares = 0, rightSquares = 0;
        for (var i = 0; i < left.Count; i++)
        {
            dot += left[i] * right[i];
            leftSquares += left[i] * left[i];
            rightSquares += right[i] * right[i];
        }

        return leftSquares == 0 || rightSquares == 0 ? 0 : dot / Math.Sqrt(leftSquares * rightSquares);
    }

    internal static IEnumerable<string> Stems(string text) =>
        Words(text.ToLowerInvariant()).Where(word => !StopWords.Contains(word)).Select(Stem);

    // Words are runs of letters and digits; an apostrophe ends one, so "france's" gives "france" and a lone "s".
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var character in text.Append(' '))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
            }
            else if (word.Length > 0)
            {
                if (word.Length > 1)
                {
                    yield return word.ToString();
                }

                word.Clear();
            }
        }
    }

    // A light suffix stripper: enough for plurals and common verb forms to meet ("cities"/"city", "asked"/"ask").
    private static string Stem(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 4 } when word.EndsWith("ed", StringComparison.Ordinal) => word[..^2],
        { Length: > 4 } when word.EndsWith("es", StringComparison.Ordinal) && "sxz".Contains(word[^3]) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };
}
