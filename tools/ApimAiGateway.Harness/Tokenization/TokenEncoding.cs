namespace ApimAiGateway.Harness.Tokenization;

/// <summary>The byte-pair encodings OpenAI's current models use.</summary>
public enum TokenEncoding
{
    /// <summary><c>o200k_base</c>: gpt-4o, gpt-4.1, the o-series reasoning models and gpt-5.</summary>
    O200kBase,

    /// <summary><c>cl100k_base</c>: gpt-4, gpt-3.5-turbo and the embedding models text-embedding-3-* and ada-002.</summary>
    Cl100kBase,
}
