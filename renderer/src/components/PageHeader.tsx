// The title row of a page: title, a line saying what the page is for, and its actions.
import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

export function PageHeader({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" style={{ marginBottom: 16 }} gap={16}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {/* the actions keep their width (a long English subtitle wraps instead), up to 60% of the row */}
      <Flex gap={8} wrap justify="flex-end" style={{ flex: 'none', maxWidth: '60%' }}>
        {extra}
      </Flex>
    </Flex>
  );
}
