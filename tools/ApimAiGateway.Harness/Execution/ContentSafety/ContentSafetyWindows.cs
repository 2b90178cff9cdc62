namespace ApimAiGateway.Harness.Execution.ContentSafety;

/// <summary>
/// The pieces llm-content-safety sends: the whole text, or with window-size windows of that many characters, each
/// starting window-overlap-size characters before the previous one ended (apim-reference §4.34).
/// </summary>
internal static class ContentSafetyWindows
{
    public static IEnumerable<string> Of(string text, int? windowSize, int overlap)
    {
        if (windowSize is not { } size || size <= 0 || text.Length <= size)
        {
            yield return text;
            yield break;
        }

        var step = Math.Max(1, size - Math.Clamp(overlap, 0, size - 1));
        for (var start = 0; ; start += step)
        {
            yield return text.Substring(start, Math.Min(size, text.Length - start));
            if (start + size >= text.Length)
            {
                yield break;
            }
        }
    }
}
