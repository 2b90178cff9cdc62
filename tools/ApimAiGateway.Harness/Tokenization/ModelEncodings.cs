namespace ApimAiGateway.Harness.Tokenization;

/// <summary>
/// Which encoding a model name uses, by prefix as tiktoken's model table does. Azure deployments are often named
/// after their model with the dot dropped (<c>gpt-35-turbo</c>), so both spellings are recognised.
/// </summary>
public static class ModelEncodings
{
    // Longer prefixes first: "gpt-4o" and "gpt-4.1" must win over "gpt-4".
    private static readonly (string Prefix, TokenEncoding Encoding)[] Prefixes =
    [
        ("gpt-4o", TokenEncoding.O200kBase),
        ("gpt-4.1", TokenEncoding.O200kBase),
        ("gpt-41", TokenEncoding.O200kBase),
        ("gpt-4.5", TokenEncoding.O200kBase),
        ("gpt-5", TokenEncoding.O200kBase),
        ("o1", TokenEncoding.O200kBase),
        ("o3", TokenEncoding.O200kBase),
        ("o4", TokenEncoding.O200kBase),
        ("gpt-4", TokenEncoding.Cl100kBase),
        ("gpt-3.5", TokenEncoding.Cl100kBase),
        ("gpt-35", TokenEncoding.Cl100kBase),
        ("text-embedding-3", TokenEncoding.Cl100kBase),
        ("text-embedding-ada-002", TokenEncoding.Cl100kBase),
    ];

    /// <summary>
    /// The encoding of <paramref name="model"/>. An unknown or missing model gets o200k_base, the encoding of every
    /// model OpenAI has released since gpt-4o, so a new model name is most likely counted right.
    /// </summary>
    public static TokenEncoding ForModel(string? model)
    {
        var name = model?.Trim() ?? "";
        foreach (var (prefix, encoding) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return encoding;
            }
        }

        return TokenEncoding.O200kBase;
    }
}
