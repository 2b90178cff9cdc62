using DotLiquid.Tags;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// APIM's <c>{% JSONArrayFor item in collection %}...{% endJSONArrayFor %}</c>: a for loop that writes a comma
/// between iterations, so a template can emit a JSON array without a trailing comma. It is not in the set-body
/// reference page but is APIM's own extension shown in Microsoft's "Using Liquid filters in API Management"
/// (blog.memoryleek.co.uk, 2021); leaving it out would report working APIM templates as invalid.
/// </summary>
internal sealed class JsonArrayForTag : For
{
    private bool _separatorPlaced;

    public override void Initialize(string tagName, string markup, List<string> tokens)
    {
        base.Initialize(tagName, markup, tokens);
        PlaceSeparator();
    }

    // An else branch switches NodeList to the else body; the separator belongs to the loop body seen before it.
    public override void UnknownTag(string tag, string markup, List<string> tokens)
    {
        if (tag == "else")
        {
            PlaceSeparator();
        }

        base.UnknownTag(tag, markup, tokens);
    }

    private void PlaceSeparator()
    {
        if (!_separatorPlaced)
        {
            NodeList.Insert(0, JsonArraySeparator.Instance);
            _separatorPlaced = true;
        }
    }
}
