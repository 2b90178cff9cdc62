namespace ApimAiGateway.Harness.NamedValues;

/// <summary>Finds the <c>{{name}}</c> references in a text, in order, each with the offset of its '{{'.</summary>
internal static class NamedValueReferences
{
    public static IReadOnlyList<(string Name, int Offset)> In(string text)
    {
        var found = new List<(string, int)>();
        var open = text.IndexOf("{{", StringComparison.Ordinal);
        while (open >= 0)
        {
            var nameEnd = open + 2;
            while (nameEnd < text.Length && NamedValueNames.IsNameCharacter(text[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd > open + 2 && string.CompareOrdinal(text, nameEnd, "}}", 0, 2) == 0)
            {
                found.Add((text[(open + 2)..nameEnd], open));
                open = text.IndexOf("{{", nameEnd + 2, StringComparison.Ordinal);
            }
            else
            {
                open = text.IndexOf("{{", open + 1, StringComparison.Ordinal);
            }
        }

        return found;
    }
}
