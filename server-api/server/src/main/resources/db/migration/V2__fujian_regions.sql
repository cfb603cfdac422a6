-- GB/T 2260 regions of Fujian province used so far: the province, its nine prefecture-level
-- cities, and the districts of Fuzhou and Xiamen.
insert into region (code, name, parent_code, level) values
    ('350000', '福建省', null, 'PROVINCE');
insert into region (code, name, parent_code, level) values
    ('350100', '福州市', '350000', 'CITY'),
    ('350200', '厦门市', '350000', 'CITY'),
    ('350300', '莆田市', '350000', 'CITY'),
    ('350400', '三明市', '350000', 'CITY'),
    ('350500', '泉州市', '350000', 'CITY'),
    ('350600', '漳州市', '350000', 'CITY'),
    ('350700', '南平市', '350000', 'CITY'),
    ('350800', '龙岩市', '350000', 'CITY'),
    ('350900', '宁德市', '350000', 'CITY');
insert into region (code, name, parent_code, level) values
    ('350102', '鼓楼区', '350100', 'COUNTY'),
    ('350103', '台江区', '350100', 'COUNTY'),
    ('350104', '仓山区', '350100', 'COUNTY'),
    ('350105', '马尾区', '350100', 'COUNTY'),
    ('350111', '晋安区', '350100', 'COUNTY'),
    ('350112', '长乐区', '350100', 'COUNTY'),
    ('350203', '思明区', '350200', 'COUNTY'),
    ('350205', '海沧区', '350200', 'COUNTY'),
    ('350206', '湖里区', '350200', 'COUNTY'),
    ('350211', '集美区', '350200', 'COUNTY'),
    ('350212', '同安区', '350200', 'COUNTY'),
    ('350213', '翔安区', '350200', 'COUNTY');
