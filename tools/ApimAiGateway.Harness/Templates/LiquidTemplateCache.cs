using System.Collections.Concurrent;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Parsed templates by their text, shared by all renders: a policy's template is parsed once however many requests
/// run through it. Bounded, so generated templates cannot grow it without end; past the bound it starts over.
/// </summary>
internal sealed class LiquidTemplateCache
{
    private const int MaxEntries = 512;

    private readonly ConcurrentDictionary<string, Lazy<LiquidParse>> _entries = new(StringComparer.Ordinal);

    public LiquidParse Get(string text)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(text, key => new Lazy<LiquidParse>(() => LiquidParse.Of(key))).Value;
    }
}
