-- The answered messages (a signed-off reply): opening a message asks for their count and latest reply time to
-- know whether the similar-replies index is current. This partial index answers both without reading the
-- messages' text, and lists the answered messages for rebuilding that index.
CREATE INDEX messages_answered ON messages(replied_at) WHERE reply_body <> '' AND replied_at IS NOT NULL;
