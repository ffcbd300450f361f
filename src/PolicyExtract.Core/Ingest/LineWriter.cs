using System.Collections.Immutable;
using System.Text;

namespace PolicyExtract.Ingest;

/// <summary>
/// Builds the extracted text and its offset map from a stream of characters and layout events, the way a browser lays
/// out normal flow: whitespace runs collapse to one space, spaces at line starts and ends vanish, block boundaries end
/// the line, <c>&lt;br&gt;</c> always does, at most one blank line in a row, table cells joined by tabs.
/// </summary>
/// <remarks>
/// Breaks, spaces and tabs are kept pending and only written when real content follows. That is what makes
/// "<c>&lt;/p&gt; &lt;p&gt;</c>" one line break, drops a trailing empty cell's tab, and lets a new cell cancel the
/// break left by a paragraph that ended inside the previous cell (so a row of <c>&lt;td&gt;&lt;p&gt;x&lt;/p&gt;</c>
/// cells stays on one line). Offsets are clamped to be non-decreasing.
/// </remarks>
internal sealed class LineWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = [];
    private readonly List<int> _pendingTabs = [];
    private readonly int _maxOffset;
    private int _lastOffset;
    private bool _lineHasContent;
    private int _trailingNewlines;
    private bool _pendingBreak;
    private bool _pendingBreakCancellable;
    private int _pendingBreakOffset;
    private bool _pendingSpace;
    private int _pendingSpaceOffset;
    private bool _cellFresh;

    /// <param name="sourceLength">Length of the markup: offsets are kept below it even for fallbacks at its end.</param>
    public LineWriter(int sourceLength)
    {
        _maxOffset = Math.Max(0, sourceLength - 1);
    }

    /// <summary>How many characters have been written so far (pending breaks and spaces not counted).</summary>
    public int Length => _text.Length;

    /// <summary>A character of a text node; <paramref name="preformatted"/> inside &lt;pre&gt;.</summary>
    public void Append(char c, int offset, bool preformatted)
    {
        if (preformatted)
        {
            if (c == '\n')
            {
                FlushPendingBreak();
                NewLine(offset);
            }
            else
            {
                Content(c, offset);
            }

            return;
        }

        if (c is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            // Only ASCII whitespace collapses; U+00A0 and U+3000 are content (a later stage normalizes them).
            if (!_pendingSpace)
            {
                _pendingSpace = true;
                _pendingSpaceOffset = offset;
            }

            return;
        }

        Content(c, offset);
    }

    /// <summary>
    /// The start or end of a block element. <paramref name="cancellable"/>: the block is inside a table cell, so the
    /// next cell boundary of the same row replaces the break with a tab; row-level boundaries pass false.
    /// </summary>
    public void BlockBreak(int offset, bool cancellable)
    {
        _pendingSpace = false;
        if (!cancellable)
        {
            _pendingTabs.Clear(); // a row ended: its trailing empty cells add nothing
        }
        else if (_cellFresh)
        {
            return; // a block at the very start of a cell: the cell boundary already separates it
        }

        if (!_lineHasContent)
        {
            return;
        }

        if (!_pendingBreak)
        {
            _pendingBreak = true;
            _pendingBreakOffset = offset;
            _pendingBreakCancellable = cancellable;
        }
        else if (!cancellable)
        {
            _pendingBreakCancellable = false;
        }
    }

    /// <summary>A <c>&lt;br&gt;</c>: always a line break, so two in a row make a blank line.</summary>
    public void HardBreak(int offset)
    {
        FlushPendingBreak();
        _pendingTabs.Clear();
        NewLine(offset);
    }

    /// <summary>The start of the first cell of a row.</summary>
    public void FirstCell()
    {
        _pendingSpace = false;
        _cellFresh = true;
    }

    /// <summary>The start of a later cell of a row: a tab, written when content follows.</summary>
    public void NextCell(int offset)
    {
        if (_pendingBreak && _pendingBreakCancellable)
        {
            _pendingBreak = false;
        }

        _pendingSpace = false;
        _pendingTabs.Add(offset);
        _cellFresh = true;
    }

    /// <summary>The text and offsets; trailing line breaks dropped.</summary>
    public MappedText ToMappedText()
    {
        var length = _text.Length;
        while (length > 0 && _text[length - 1] == '\n')
        {
            length--;
        }

        return new MappedText(_text.ToString(0, length), [.. _offsets.Take(length)]);
    }

    private void Content(char c, int offset)
    {
        FlushPendingBreak();
        if (_pendingTabs.Count > 0)
        {
            foreach (var tab in _pendingTabs)
            {
                Emit('\t', tab);
            }

            _pendingTabs.Clear();
            _pendingSpace = false;
            _lineHasContent = true;
        }

        if (_pendingSpace && _lineHasContent)
        {
            Emit(' ', _pendingSpaceOffset);
        }

        _pendingSpace = false;
        Emit(c, offset);
        _lineHasContent = true;
        _trailingNewlines = 0;
        _cellFresh = false;
    }

    private void FlushPendingBreak()
    {
        if (_pendingBreak)
        {
            _pendingBreak = false;
            NewLine(_pendingBreakOffset);
        }
    }

    private void NewLine(int offset)
    {
        _pendingSpace = false;
        _lineHasContent = false;

        // No blank lines at the start, at most one blank line in a row.
        if (_text.Length == 0 || _trailingNewlines >= 2)
        {
            return;
        }

        Emit('\n', offset);
        _trailingNewlines++;
    }

    private void Emit(char c, int offset)
    {
        _lastOffset = Math.Max(_lastOffset, Math.Min(offset, _maxOffset));
        _text.Append(c);
        _offsets.Add(_lastOffset);
    }
}
