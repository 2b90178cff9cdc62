using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// A hand-written, position-tracking XML reader for policy documents that accepts both the entity-escaped form and
/// APIM's raw form. When an attribute value or a text run starts with '@(' or '@{', the expression's end is found
/// with <see cref="ExpressionScanner"/> before looking for the closing quote or '&lt;', so unescaped '"', '&lt;'
/// and '&amp;' inside the expression are part of it.
/// </summary>
/// <remarks>
/// Runs in one pass without recursion: open elements live on an explicit stack capped at
/// <see cref="PolicyReader.MaxNestingDepth"/>. Errors are reported and reading recovers at the next tag.
/// </remarks>
internal sealed class PolicyParser(SourceFile source, PolicyValueReader values, DiagnosticBag diagnostics)
{
    private readonly string _text = source.Text;
    private readonly List<PolicyElement> _open = [];
    private int _pos;
    private PolicyElement? _root;
    private bool _aborted;

    // Expression-aware scanning of raw markup is switched off after the first expression that does not scan: from
    // then on values end at the quote or '<' as in plain XML. A failed scan may run to the end of the file, and
    // allowing only one keeps reading linear on hostile input; the value reader still reports the bad expression.
    private bool _scanRawExpressions = true;

    /// <summary>Reads the document and returns its root element, or null when there is none or reading stopped.</summary>
    public PolicyElement? Parse()
    {
        while (_pos < _text.Length && !_aborted)
        {
            if (_text[_pos] == '<')
            {
                ReadMarkup();
            }
            else
            {
                ReadText();
            }
        }

        if (_aborted)
        {
            return null;
        }

        for (var i = _open.Count - 1; i >= 0; i--)
        {
            diagnostics.Add(ReaderDiagnostics.UnclosedElement, _open[i].Location, _open[i].Name);
            Complete(_open[i]);
        }

        if (_root is null)
        {
            diagnostics.Add(ReaderDiagnostics.MissingRootElement, source.LocationOf(0));
        }

        return _root;
    }

    private void ReadMarkup()
    {
        if (StartsWith("<!--"))
        {
            SkipPast("-->", "comment");
        }
        else if (StartsWith("<![CDATA["))
        {
            ReadCData();
        }
        else if (StartsWith("<!"))
        {
            diagnostics.Add(ReaderDiagnostics.DoctypeNotAllowed, source.LocationOf(_pos));
            SkipPast(">", "declaration");
        }
        else if (StartsWith("<?"))
        {
            SkipPast("?>", "processing instruction");
        }
        else if (StartsWith("</"))
        {
            ReadEndTag();
        }
        else
        {
            ReadStartTag();
        }
    }

    private void ReadText()
    {
        var start = _pos;
        var from = start;
        var first = SkipWhiteSpace(start);
        if (_open.Count > 0 && ExpressionScanner.IsExpressionStart(_text, first))
        {
            from = EndOfRawExpression(first, start);
        }

        var end = _text.IndexOf('<', from);
        _pos = end < 0 ? _text.Length : end;
        if (first >= _pos)
        {
            return;
        }

        if (_open.Count == 0)
        {
            diagnostics.Add(ReaderDiagnostics.TextOutsideRoot, source.LocationOf(first));
            return;
        }

        var raw = LocatedText.FromSource(source, start, _pos - start);
        _open[^1].Add(new PolicyText(values.Decode(raw), isCData: false, raw.Start));
    }

    private void ReadCData()
    {
        var open = _pos;
        var contentStart = open + "<![CDATA[".Length;
        var close = _text.IndexOf("]]>", contentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            diagnostics.Add(ReaderDiagnostics.UnterminatedMarkup, source.LocationOf(open), "CDATA section");
            _pos = _text.Length;
            return;
        }

        _pos = close + "]]>".Length;
        var raw = LocatedText.FromSource(source, contentStart, close - contentStart);
        if (_open.Count == 0)
        {
            diagnostics.Add(ReaderDiagnostics.TextOutsideRoot, source.LocationOf(open));
            return;
        }

        _open[^1].Add(new PolicyText(values.Substitute(raw), isCData: true, raw.Start));
    }

    private void ReadStartTag()
    {
        var lessThan = _pos;
        _pos++;
        var name = ReadName();
        if (name.Length == 0)
        {
            diagnostics.Add(ReaderDiagnostics.MalformedTag, source.LocationOf(_pos), "an element name after '<'");
            SkipRestOfTag();
            return;
        }

        var attributes = new List<PolicyAttribute>();
        var end = ReadAttributes(attributes, name, lessThan);
        if (end == TagEnd.EndOfFile)
        {
            return;
        }

        var element = new PolicyElement(name, source.LocationOf(lessThan), attributes);
        if (_open.Count == 0)
        {
            AcceptTopLevel(element);
        }
        else if (_open.Count >= PolicyReader.MaxNestingDepth)
        {
            diagnostics.Add(ReaderDiagnostics.NestingTooDeep, element.Location, PolicyReader.MaxNestingDepth);
            _aborted = true;
            return;
        }
        else
        {
            _open[^1].Add(element);
        }

        if (end == TagEnd.SelfClosing)
        {
            Complete(element);
        }
        else
        {
            _open.Add(element);
        }
    }

    // An element outside any other is the root, or an error; a second top-level element is still read (so its
    // content is checked) but not attached anywhere.
    private void AcceptTopLevel(PolicyElement element)
    {
        if (_root is not null)
        {
            diagnostics.Add(ReaderDiagnostics.ExtraRootElement, element.Location, element.Name);
            return;
        }

        _root = element;
        if (element.Name is not ("policies" or "fragment"))
        {
            diagnostics.Add(ReaderDiagnostics.WrongRootElement, element.Location, element.Name);
        }
    }

    private TagEnd ReadAttributes(List<PolicyAttribute> attributes, string elementName, int lessThan)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            _pos = SkipWhiteSpace(_pos);
            if (_pos >= _text.Length)
            {
                diagnostics.Add(ReaderDiagnostics.UnterminatedMarkup, source.LocationOf(lessThan), $"start tag <{elementName}>");
                return TagEnd.EndOfFile;
            }

            if (_text[_pos] == '>')
            {
                _pos++;
                return TagEnd.Open;
            }

            if (StartsWith("/>"))
            {
                _pos += 2;
                return TagEnd.SelfClosing;
            }

            var nameStart = _pos;
            var name = ReadName();
            if (name.Length == 0)
            {
                return MalformedAttributes("an attribute name, '>' or '/>'");
            }

            _pos = SkipWhiteSpace(_pos);
            if (_pos >= _text.Length || _text[_pos] != '=')
            {
                return MalformedAttributes($"'=' after attribute '{name}'");
            }

            _pos = SkipWhiteSpace(_pos + 1);
            if (_pos >= _text.Length || _text[_pos] is not ('"' or '\''))
            {
                diagnostics.Add(ReaderDiagnostics.UnquotedAttributeValue, source.LocationOf(_pos), name);
                return SkipRestOfTag();
            }

            var value = ReadAttributeValue();
            if (value is null)
            {
                return TagEnd.EndOfFile;
            }

            if (names.Add(name))
            {
                attributes.Add(new PolicyAttribute(name, source.LocationOf(nameStart), value));
            }
            else
            {
                diagnostics.Add(ReaderDiagnostics.DuplicateAttribute, source.LocationOf(nameStart), name);
            }
        }
    }

    private PolicyValue? ReadAttributeValue()
    {
        var quote = _pos;
        var valueStart = quote + 1;
        var first = SkipWhiteSpace(valueStart);
        var from = ExpressionScanner.IsExpressionStart(_text, first) ? EndOfRawExpression(first, valueStart) : valueStart;
        var close = EndOfAttributeValue(_text[quote], from);
        if (close < 0)
        {
            diagnostics.Add(ReaderDiagnostics.UnterminatedMarkup, source.LocationOf(quote), "attribute value");
            _pos = _text.Length;
            return null;
        }

        _pos = close + 1;
        return values.ReadAttributeValue(LocatedText.FromSource(source, valueStart, close - valueStart));
    }

    // Literal text may embed an expression, as in key="prefix-@(...)": APIM keeps the whole value as a literal, but
    // its raw-form reading protects every balanced '@(...)' / '@{...}' span, not only a leading one (the toolkit's
    // PolicyDecompiler.PreprocessXml, apim-reference 1.3), so unescaped quotes inside such a span do not end the
    // value. Published AI-Gateway labs (MCP client authorization) deploy cache keys written this way.
    private int EndOfAttributeValue(char quote, int from)
    {
        var close = _text.IndexOf(quote, from);
        while (close >= 0 && _scanRawExpressions)
        {
            var embedded = IndexOfExpressionStart(from, close);
            var end = embedded < 0 ? -1 : EndOfRawExpression(embedded, -1);
            if (end < 0)
            {
                break;
            }

            from = end;
            close = _text.IndexOf(quote, from);
        }

        return close;
    }

    private int IndexOfExpressionStart(int from, int before)
    {
        for (var at = _text.IndexOf('@', from, before - from); at >= 0; at = _text.IndexOf('@', at + 1, before - at - 1))
        {
            if (ExpressionScanner.IsExpressionStart(_text, at))
            {
                return at;
            }
        }

        return -1;
    }

    private void ReadEndTag()
    {
        var lessThan = _pos;
        _pos += 2;
        var name = ReadName();
        _pos = SkipWhiteSpace(_pos);
        if (name.Length == 0 || _pos >= _text.Length || _text[_pos] != '>')
        {
            var at = name.Length == 0 ? lessThan + 2 : _pos;
            diagnostics.Add(ReaderDiagnostics.MalformedTag, source.LocationOf(at), "an element name and '>' in the end tag");
            SkipRestOfTag();
            return;
        }

        _pos++;
        var index = _open.FindLastIndex(e => e.Name == name);
        if (index < 0)
        {
            diagnostics.Add(ReaderDiagnostics.UnexpectedEndTag, source.LocationOf(lessThan), name);
            return;
        }

        if (index < _open.Count - 1)
        {
            var inner = _open[^1];
            diagnostics.Add(ReaderDiagnostics.MismatchedEndTag, source.LocationOf(lessThan), name, inner.Name, inner.Location.Line, inner.Location.Column);
        }

        for (var i = _open.Count - 1; i >= index; i--)
        {
            Complete(_open[i]);
            _open.RemoveAt(i);
        }
    }

    // The element's text value is built once all of its text is known, so text split by comments or CDATA reads
    // as one value.
    private void Complete(PolicyElement element)
    {
        var texts = element.Children.OfType<PolicyText>().Select(t => t.Text).ToList();
        if (texts.Exists(t => !string.IsNullOrWhiteSpace(t.Text)))
        {
            element.Text = values.ToValue(LocatedText.Concat(texts));
        }
    }

    private int EndOfRawExpression(int at, int fallback)
    {
        if (!_scanRawExpressions)
        {
            return fallback;
        }

        var scan = ExpressionScanner.Scan(_text, at, decodeEntities: true);
        _scanRawExpressions = scan.Succeeded;
        return scan.Succeeded ? scan.End : fallback;
    }

    private TagEnd MalformedAttributes(string expected)
    {
        diagnostics.Add(ReaderDiagnostics.MalformedTag, source.LocationOf(_pos), expected);
        return SkipRestOfTag();
    }

    private TagEnd SkipRestOfTag()
    {
        var close = _text.IndexOf('>', _pos);
        if (close < 0)
        {
            _pos = _text.Length;
            return TagEnd.EndOfFile;
        }

        _pos = close + 1;
        return _text[close - 1] == '/' ? TagEnd.SelfClosing : TagEnd.Open;
    }

    private void SkipPast(string terminator, string what)
    {
        var open = _pos;
        var close = _text.IndexOf(terminator, _pos + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            diagnostics.Add(ReaderDiagnostics.UnterminatedMarkup, source.LocationOf(open), what);
            _pos = _text.Length;
            return;
        }

        _pos = close + terminator.Length;
    }

    private string ReadName()
    {
        var start = _pos;
        if (_pos < _text.Length && (char.IsLetter(_text[_pos]) || _text[_pos] is '_' or ':'))
        {
            _pos++;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or ':' or '-' or '.'))
            {
                _pos++;
            }
        }

        return _text[start.._pos];
    }

    private int SkipWhiteSpace(int from)
    {
        while (from < _text.Length && char.IsWhiteSpace(_text[from]))
        {
            from++;
        }

        return from;
    }

    private bool StartsWith(string value) => string.CompareOrdinal(_text, _pos, value, 0, value.Length) == 0;
}
